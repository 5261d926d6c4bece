import { Code, Text } from '@mantine/core';
import type { ApiKeyType, KeyRowFragment } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';
import type { ShopLimit } from './key-limits';
import type { RevealedKey, useKeyActions } from './use-key-actions';
import { CreateKeyModal } from './CreateKeyModal';
import { SecretModal } from './SecretModal';
import { RegenerateModal } from './RegenerateModal';
import { ConfirmModal } from './ConfirmModal';
import { LimitModal } from './LimitModal';
import { lastUsedLabel } from './key-view';
import { useRetained } from './use-retained';

export type Dialog =
  | { kind: 'create'; type: ApiKeyType }
  | { kind: 'regenerate' | 'revoke' | 'end-rotation'; key: KeyRowFragment }
  | { kind: 'limit'; shop: ShopLimit }
  | null;

interface Props {
  dialog: Dialog;
  limits: ShopLimit[];
  actions: ReturnType<typeof useKeyActions>;
  onClose: () => void;
  onReveal: (r: RevealedKey) => void;
  revealed: RevealedKey | null;
  secretOpen: boolean;
  onSecretClose: () => void;
  onSecretClosed: () => void;
  notify: (message: string) => void;
}

/** Every modal of the tab, driven by one `dialog` value so that at most one is open. */
export function DeveloperDialogs({ dialog, limits, actions, onClose, onReveal, revealed, secretOpen, onSecretClose, onSecretClosed, notify }: Props) {
  const keyOf = (kind: 'regenerate' | 'revoke' | 'end-rotation') => (dialog && dialog.kind === kind ? dialog.key : null);
  // Retained so the confirmation text stays while the dialog fades out.
  const revoking = useRetained(keyOf('revoke'));
  const ending = useRetained(keyOf('end-rotation'));
  const editing = dialog?.kind === 'limit' ? dialog.shop : null;
  return (
    <>
      <CreateKeyModal
        opened={dialog?.kind === 'create'}
        initialType={dialog?.kind === 'create' ? dialog.type : 'CURRENT_SHOP'}
        limits={limits}
        onClose={onClose}
        onCreate={async (input) => onReveal(await actions.create(input))}
      />
      <RegenerateModal apiKey={keyOf('regenerate')} onClose={onClose} onConfirm={async (key, grace) => onReveal(await actions.regenerate(key.id, grace))} />
      <ConfirmModal
        opened={dialog?.kind === 'revoke'}
        title="Revoke key"
        confirmLabel="Revoke key"
        danger
        onClose={onClose}
        onConfirm={async () => {
          if (!revoking) return;
          await actions.revoke(revoking.id);
          onClose();
          notify(`Key “${revoking.name}” revoked.`);
        }}
      >
        <Text size="sm">
          Revoke <strong>{revoking?.name}</strong> (<Code>{revoking?.partialKey}</Code>) of {revoking?.shop.name}? Every integration using it stops
          working immediately. This cannot be undone.
        </Text>
      </ConfirmModal>
      <ConfirmModal
        opened={dialog?.kind === 'end-rotation'}
        title="End rotation now"
        confirmLabel="End rotation now"
        danger
        onClose={onClose}
        onConfirm={async () => {
          if (!ending) return;
          await actions.endRotation(ending.id);
          onClose();
          notify(`The previous key of “${ending.name}” no longer works.`);
        }}
      >
        <Text size="sm">
          The previous key <Code>{ending?.rotation?.previousPartialKey}</Code> of <strong>{ending?.name}</strong> stops working now instead of{' '}
          {ending?.rotation ? formatDateTime(ending.rotation.previousValidUntil) : ''}. It was last used{' '}
          {ending?.rotation?.previousLastUsedAt ? lastUsedLabel(ending.rotation.previousLastUsedAt) : 'never since the rotation began'}. The current key is
          not affected.
        </Text>
      </ConfirmModal>
      <LimitModal
        shop={editing}
        onClose={onClose}
        onSave={async (shopId, max) => {
          await actions.setMaxActiveKeys(shopId, max);
          onClose();
          notify(`${editing?.name ?? 'The shop'} now allows ${max} active ${max === 1 ? 'key' : 'keys'}.`);
        }}
      />
      <SecretModal revealed={revealed} opened={secretOpen} onClose={onSecretClose} onClosed={onSecretClosed} />
    </>
  );
}
