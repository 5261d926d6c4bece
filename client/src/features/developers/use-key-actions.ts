import { useApolloClient } from '@apollo/client/react';
import type { CreateApiKeyInput } from '../../gql/graphql';
import { CREATE_API_KEY, DEVELOPER_KEYS, END_ROTATION, REGENERATE_API_KEY, REVOKE_API_KEY, SET_MAX_ACTIVE_KEYS } from './developers.graphql';

/** A secret as it leaves the server: held in component state only while the success modal is open. */
export interface RevealedKey {
  secret: string;
  apiKey: { id: string; name: string; partialKey: string; scopes: string[] };
  regenerated: boolean;
}

/**
 * Mutations of the Developers tab. Those that return a secret use
 * client.mutate with fetchPolicy 'no-cache' rather than useMutation: the
 * result is never normalised into the cache, and no hook keeps it in its
 * `data` after the success modal closes. The list is refetched instead.
 */
export function useKeyActions() {
  const client = useApolloClient();
  const refetchKeys = () => client.refetchQueries({ include: [DEVELOPER_KEYS] });

  return {
    async create(input: CreateApiKeyInput): Promise<RevealedKey> {
      const { data } = await client.mutate({ mutation: CREATE_API_KEY, variables: { input }, fetchPolicy: 'no-cache' });
      if (!data) throw new Error('No response');
      void refetchKeys();
      return { ...data.createApiKey, regenerated: false };
    },
    async regenerate(id: string, gracePeriodSeconds: number): Promise<RevealedKey> {
      const { data } = await client.mutate({ mutation: REGENERATE_API_KEY, variables: { id, gracePeriodSeconds }, fetchPolicy: 'no-cache' });
      if (!data) throw new Error('No response');
      void refetchKeys();
      return { ...data.regenerateApiKey, regenerated: true };
    },
    async revoke(id: string) {
      await client.mutate({ mutation: REVOKE_API_KEY, variables: { id } });
      await refetchKeys();
    },
    async endRotation(id: string) {
      await client.mutate({ mutation: END_ROTATION, variables: { id } });
    },
    async setMaxActiveKeys(shopId: string, max: number) {
      await client.mutate({ mutation: SET_MAX_ACTIVE_KEYS, variables: { shopId, max } });
    },
  };
}
