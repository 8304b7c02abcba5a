import { useMutation } from '@tanstack/react-query';
import { spreadsheetRoutes, type TargetExportQuery } from '@zeren/contracts';
import type { z } from 'zod';
import { downloadFile } from '@/lib/api-client';
import { saveBlob } from '@/lib/save-blob';

export type TargetExportFilter = z.input<typeof TargetExportQuery>;

export const exportTargets = (query: TargetExportFilter) =>
  downloadFile(spreadsheetRoutes.exportTargets, { query });

/** A year's target book with progress, filtered (the import format plus 进度/最近更新/状态). */
export function useExportTargets(fallbackFilename: string) {
  return useMutation({
    mutationFn: exportTargets,
    onSuccess: ({ blob, filename }) => saveBlob(blob, filename ?? fallbackFilename),
  });
}
