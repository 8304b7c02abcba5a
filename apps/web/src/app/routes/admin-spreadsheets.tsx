import { SpreadsheetsPage } from '@/features/spreadsheets/components/spreadsheets-page';

export function AdminSpreadsheetsRoute() {
  return <SpreadsheetsPage />;
}
