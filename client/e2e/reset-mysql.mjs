// Gives the MySQL browser-test server a fresh, empty database before it starts.
import mysql from 'mysql2/promise';

const url = new URL(process.env.DATABASE_URL);
const name = url.pathname.slice(1);
url.pathname = '/';
const conn = await mysql.createConnection(url.toString());
await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
await conn.end();
