import { graphql } from '../../gql';

export const ME = graphql(`
  query Me {
    me {
      id
      email
      shops {
        id
        name
        url
        logoUrl
        isHeadless
        maxActiveKeys
        createdAt
      }
    }
  }
`);

export const SIGN_IN = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      id
      email
    }
  }
`);

export const SIGN_UP = graphql(`
  mutation SignUp($email: String!, $password: String!, $shopName: String!) {
    signUp(email: $email, password: $password, shopName: $shopName) {
      id
      email
    }
  }
`);

export const SIGN_OUT = graphql(`
  mutation SignOut {
    signOut
  }
`);
