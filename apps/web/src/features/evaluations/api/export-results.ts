import { useMutation } from '@tanstack/react-query';
import { evaluationRoutes } from '@zeren/contracts';
import { downloadFile } from '@/lib/api-client';

export const exportResults = (cycleId: string) =>
  downloadFile(evaluationRoutes.exportResults, { params: { id: cycleId } });

/** Fetches the .xlsx as a blob (the session cookie and CSRF header go with it) and saves it. */
export function useExportResults(cycleId: string, fallbackFilename: string) {
  return useMutation({
    mutationFn: () => exportResults(cycleId),
    onSuccess: ({ blob, filename }) => saveBlob(blob, filename ?? fallbackFilename),
  });
}

export function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Let the browser start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
