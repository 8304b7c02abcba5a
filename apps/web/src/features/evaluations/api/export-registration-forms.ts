import { useMutation } from '@tanstack/react-query';
import { registrationFormRoutes } from '@zeren/contracts';
import { downloadFile } from '@/lib/api-client';
import { saveBlob } from '@/lib/save-blob';

/** One person's 考核登记表 as an A4 .xlsx sheet. */
export function useExportRegistrationForm(cycleId: string, personId: string, fallbackFilename: string) {
  return useMutation({
    mutationFn: () =>
      downloadFile(registrationFormRoutes.exportRegistrationForm, { params: { id: cycleId, personId } }),
    onSuccess: ({ blob, filename }) => saveBlob(blob, filename ?? fallbackFilename),
  });
}

/** Every evaluee's 考核登记表 of a cycle, one worksheet each. */
export function useExportRegistrationForms(cycleId: string, fallbackFilename: string) {
  return useMutation({
    mutationFn: () =>
      downloadFile(registrationFormRoutes.exportRegistrationForms, { params: { id: cycleId } }),
    onSuccess: ({ blob, filename }) => saveBlob(blob, filename ?? fallbackFilename),
  });
}
