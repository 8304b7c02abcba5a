import type { CycleStatus } from '@zeren/contracts';

export type TransitionAction = 'open' | 'close' | 'reopen' | 'publish';

/** The move to a status, named as the office says it: 开启 / 关闭 / 重新开启 / 发布. */
export function actionFor(from: CycleStatus, to: CycleStatus): TransitionAction {
  if (to === 'OPEN') return from === 'CLOSED' ? 'reopen' : 'open';
  return to === 'CLOSED' ? 'close' : 'publish';
}
