import { useMutation } from '@tanstack/react-query';
import { routes } from '@zeren/contracts';
import { uploadFile } from '@/lib/api-client';

/** The file itself is the body (with its own Content-Type); the answer's id goes into the progress record. */
export const uploadEvidence = (file: File) =>
  uploadFile(routes.uploadEvidence, { query: { filename: file.name } }, file);

export const useUploadEvidence = () => useMutation({ mutationFn: uploadEvidence });

/** Where an uploaded evidence file can be opened. */
export const evidenceUrl = (id: string) =>
  routes.downloadEvidence.path.replace(':id', encodeURIComponent(id));
