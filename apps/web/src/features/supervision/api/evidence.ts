import { supervisionRoutes, targetRoutes } from '@zeren/contracts';
import { downloadFile, uploadFile } from '@/lib/api-client';

/** Photos and files go up through the shared evidence route; the id is then cited by the finding. */
export const uploadEvidence = (file: File) =>
  uploadFile(targetRoutes.uploadEvidence, { query: { filename: file.name } }, file);

/** Opens a file cited by a finding (the server checks the finding is visible and cites it). */
export async function openFindingEvidence(findingId: string, fileId: string) {
  const { blob, filename } = await downloadFile(supervisionRoutes.downloadFindingEvidence, {
    params: { id: findingId, fileId },
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename ?? 'file';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
