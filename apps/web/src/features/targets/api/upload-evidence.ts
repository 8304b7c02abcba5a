import { useMutation } from '@tanstack/react-query';
import { targetRoutes } from '@zeren/contracts';
import { uploadFile } from '@/lib/api-client';

/** The file itself is the body (with its own Content-Type); the answer's id goes into the progress record. */
export const uploadEvidence = (file: File) =>
  uploadFile(targetRoutes.uploadEvidence, { query: { filename: file.name } }, file);

export const useUploadEvidence = () => useMutation({ mutationFn: uploadEvidence });

/** Where an uploaded evidence file can be opened. */
export const evidenceUrl = (id: string) =>
  targetRoutes.downloadEvidence.path.replace(':id', encodeURIComponent(id));
