import { useRef, useState } from 'react';
import { Avatar, Button, FileButton, Group, Input, Stack, Text } from '@mantine/core';
import { IconPhoto, IconUpload } from '@tabler/icons-react';
import { MAX_LOGO_BYTES } from '@keysmith/shared';
import { checkLogoFile, LOGO_ACCEPT, readAsDataUrl } from './logo-file';

interface Props {
  value: string | null;
  onChange: (dataUrl: string | null) => void;
  error?: string;
  onError: (message: string | null) => void;
}

/** File picker with a preview; type and size are checked here, before anything is sent. */
export function LogoPicker({ value, onChange, error, onError }: Props) {
  const [fileName, setFileName] = useState<string | null>(null);
  // Lets the same file be picked again after "Remove" (the input would not fire change otherwise).
  const resetRef = useRef<() => void>(null);

  async function pick(file: File | null) {
    resetRef.current?.();
    if (!file) return;
    const problem = checkLogoFile(file);
    if (problem) {
      onError(problem);
      return;
    }
    try {
      onChange(await readAsDataUrl(file));
      setFileName(file.name);
      onError(null);
    } catch {
      onError('Could not read this file. Try another one.');
    }
  }

  return (
    <Input.Wrapper
      label="Logo"
      required
      labelElement="div"
      description={`PNG, JPEG or WebP, up to ${MAX_LOGO_BYTES / 1024} KB. Square images look best.`}
      error={error}
      id="new-shop-logo"
    >
      <Group gap="md" mt={6} wrap="nowrap">
        <Avatar src={value} alt={value ? 'Logo preview' : ''} size={56} radius="md" color="gray" variant="light">
          <IconPhoto size={24} />
        </Avatar>
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <FileButton resetRef={resetRef} onChange={(f) => void pick(f)} accept={LOGO_ACCEPT} inputProps={{ 'aria-label': 'Logo file' }}>
              {(props) => (
                <Button {...props} variant="default" size="xs" leftSection={<IconUpload size={14} />} aria-describedby={`new-shop-logo-description${error ? ' new-shop-logo-error' : ''}`} aria-invalid={!!error}>
                  {value ? 'Replace logo' : 'Upload logo'}
                </Button>
              )}
            </FileButton>
            {value && (
              <Button
                variant="subtle"
                color="gray"
                size="xs"
                onClick={() => {
                  onChange(null);
                  setFileName(null);
                }}
              >
                Remove
              </Button>
            )}
          </Group>
          {fileName && (
            <Text size="xs" c="dimmed" truncate>
              {fileName}
            </Text>
          )}
        </Stack>
      </Group>
    </Input.Wrapper>
  );
}
