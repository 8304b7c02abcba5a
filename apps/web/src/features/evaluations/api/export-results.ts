import { useMutation } from '@tanstack/react-query';
import { evaluationRoutes } from '@zeren/contracts';
import { downloadFile } from '@/lib/api-client';
import { saveBlob } from '@/lib/save-blob';

export const exportResults = (cycleId: string) =>
  downloadFile(evaluationRoutes.exportResults, { params: { id: cycleId } });

/** Fetches the .xlsx as a blob (the session cookie and CSRF header go with it) and saves it. */
export function useExportResults(cycleId: string, fallbackFilename: string) {
  return useMutation({
    mutationFn: () => exportResults(cycleId),
    onSuccess: ({ blob, filename }) => saveBlob(blob, filename ?? fallbackFilename),
  });
}
