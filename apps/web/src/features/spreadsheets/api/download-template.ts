import { useMutation } from '@tanstack/react-query';
import type { SpreadsheetKind } from '@zeren/contracts';
import { downloadFile } from '@/lib/api-client';
import { saveBlob } from '@/lib/save-blob';
import { spreadsheetRoutesByKind } from './routes-by-kind';

export const downloadTemplate = (kind: SpreadsheetKind) =>
  downloadFile(spreadsheetRoutesByKind[kind].template, {});

/** The empty workbook to fill in (its 说明 sheet explains every column). */
export function useDownloadTemplate(kind: SpreadsheetKind, fallbackFilename: string) {
  return useMutation({
    mutationFn: () => downloadTemplate(kind),
    onSuccess: ({ blob, filename }) => saveBlob(blob, filename ?? fallbackFilename),
  });
}
