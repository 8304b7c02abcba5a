/*
 * Keyboard model of the scoring grid, as a pure function (the grid component only finds and
 * focuses the element). Cells carry `data-nav-row` (position among the visible rows) and
 * `data-nav-col` (0–2 the three score inputs, 3 the adjustments button, 4 the row's submit button).
 *
 *   Tab / Shift+Tab  the browser's own order: the three inputs of a row, then the next row
 *                    (the row's buttons are out of the tab order so scoring stays three keys a row)
 *   Enter            the same column, next row (in an input; on a button Enter presses it)
 *   ↑ / ↓            the same column, previous / next row
 *   ← / →            previous / next column, when the caret is at the edge of the text or the
 *                    whole text is selected (as on entering a cell); the buttons are reached this way
 *   Esc              handled by the cell: back to the value it had when entered
 */

export interface NavPosition {
  row: number;
  col: number;
}

export interface NavKey {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

/** Where the caret is in an input; null for a button. */
export interface Caret {
  start: number | null;
  end: number | null;
  length: number;
}

export const LAST_SCORE_COL = 2;

/** The cell a key moves to, or null when the key is not a move (or would leave the grid). */
export function nextPosition(
  key: NavKey,
  from: NavPosition,
  rowCount: number,
  caret: Caret | null,
): NavPosition | null {
  if (key.altKey || key.ctrlKey || key.metaKey) return null;
  const isWholeSelected =
    caret !== null && caret.length > 0 && caret.start === 0 && caret.end === caret.length;
  const isAtStart = caret === null || isWholeSelected || (caret.start === 0 && caret.end === 0);
  const isAtEnd =
    caret === null || isWholeSelected || (caret.start === caret.length && caret.end === caret.length);

  switch (key.key) {
    case 'Enter':
      if (caret === null || key.shiftKey) return caret === null ? null : up(from);
      return down(from, rowCount);
    case 'ArrowDown':
      return down(from, rowCount);
    case 'ArrowUp':
      return up(from);
    case 'ArrowLeft':
      return isAtStart && from.col > 0 ? { row: from.row, col: from.col - 1 } : null;
    case 'ArrowRight':
      return isAtEnd ? { row: from.row, col: from.col + 1 } : null;
    default:
      return null;
  }
}

const down = (from: NavPosition, rowCount: number) =>
  from.row + 1 < rowCount ? { row: from.row + 1, col: from.col } : null;
const up = (from: NavPosition) => (from.row > 0 ? { row: from.row - 1, col: from.col } : null);
