import { useMutation } from '@tanstack/react-query';
import type { SpreadsheetKind } from '@zeren/contracts';
import { uploadFile, type UploadOptions } from '@/lib/api-client';
import { spreadsheetRoutesByKind } from './routes-by-kind';

export const previewImport = (kind: SpreadsheetKind, file: File, options?: UploadOptions) =>
  uploadFile(spreadsheetRoutesByKind[kind].preview, {}, file, options);

/** Checks a workbook: what it would create, update or leave, and every problem. Writes nothing. */
export const usePreviewImport = () =>
  useMutation({
    mutationFn: ({ kind, file, onProgress }: { kind: SpreadsheetKind; file: File } & UploadOptions) =>
      previewImport(kind, file, { onProgress }),
  });
