import { ChainPage } from '@/features/chain/components/chain-page';

export function ChainRoute() {
  return <ChainPage />;
}
