import { useMutation } from '@tanstack/react-query';
import { spreadsheetRoutes } from '@zeren/contracts';
import { downloadFile } from '@/lib/api-client';
import { saveBlob } from '@/lib/save-blob';

export const exportRoster = () => downloadFile(spreadsheetRoutes.exportRoster, {});

/** The organisation as a roster workbook: the import format, so it can be edited and imported back. */
export function useExportRoster(fallbackFilename: string) {
  return useMutation({
    mutationFn: exportRoster,
    onSuccess: ({ blob, filename }) => saveBlob(blob, filename ?? fallbackFilename),
  });
}
