/** A tiny GraphQL client for tests: real HTTP, a cookie jar for the session, optional API key. */
export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> & { code?: string; field?: string } }>;
}

export class TestClient {
  private cookie?: string;
  constructor(
    readonly url: string,
    readonly apiKey?: string,
  ) {}

  withKey(apiKey: string): TestClient {
    return new TestClient(this.url, apiKey);
  }

  async gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GqlResponse<T>> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.apiKey ? { authorization: `Bearer ${this.apiKey}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0] ?? '';
      this.cookie = pair.endsWith('=') ? undefined : pair;
    }
    const body = (await res.json()) as { data?: T; errors?: GqlResponse['errors'] };
    return { status: res.status, headers: res.headers, data: body.data ?? undefined, errors: body.errors };
  }

  /** Like gql but fails the test on any error, returning data. */
  async ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const r = await this.gql<T>(query, variables);
    if (r.errors?.length || !r.data) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
    return r.data;
  }

  get sessionCookie(): string | undefined {
    return this.cookie;
  }
}

let counter = 0;
export function uniqueEmail(prefix = 'merchant'): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}@example.com`;
}

export const SIGN_UP = `mutation SignUp($email: String!, $password: String!, $shopName: String!) {
  signUp(email: $email, password: $password, shopName: $shopName) { id email shops { id name isHeadless maxActiveKeys createdAt } }
}`;

/** A signed-in merchant with its first shop. */
export async function signUpMerchant(url: string, shopName = 'Test Shop') {
  const client = new TestClient(url);
  const email = uniqueEmail();
  const data = await client.ok<{ signUp: { id: string; email: string; shops: Array<{ id: string; name: string }> } }>(SIGN_UP, {
    email,
    password: 'correct horse battery',
    shopName,
  });
  const shop = data.signUp.shops[0];
  if (!shop) throw new Error('sign-up created no shop');
  return { client, email, password: 'correct horse battery', merchantId: data.signUp.id, shopId: shop.id };
}
