import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SpreadsheetKind } from '@zeren/contracts';
import { uploadFile, type UploadOptions } from '@/lib/api-client';
import { spreadsheetRoutesByKind } from './routes-by-kind';

export const commitImport = (kind: SpreadsheetKind, file: File, options?: UploadOptions) =>
  uploadFile(spreadsheetRoutesByKind[kind].commit, {}, file, options);

/**
 * Imports the same file for real: all or nothing. An import changes the organisation or the target
 * book under every page, so every cached query is stale afterwards.
 */
export function useCommitImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, file, onProgress }: { kind: SpreadsheetKind; file: File } & UploadOptions) =>
      commitImport(kind, file, { onProgress }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
