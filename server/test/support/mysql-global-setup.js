// Fails the MySQL run loudly (never skips it) when the server is not reachable.
const mysql = require('mysql2/promise');

module.exports = async function () {
  const url = process.env.TEST_MYSQL_URL || 'mysql://root@127.0.0.1:3306/test';
  try {
    const conn = await mysql.createConnection(url);
    await conn.query('SELECT 1');
    await conn.end();
  } catch (e) {
    throw new Error(
      `MySQL tests need a server at ${url} (${e.message}).\n` +
        'Start MariaDB with: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd\n' +
        'or point TEST_MYSQL_URL at another MySQL/MariaDB.',
    );
  }
};
