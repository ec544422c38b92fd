import { useEffect, useRef, type RefObject } from 'react';

/** Opens the returned `<dialog>` as a modal while `isOpen` is true and closes it otherwise. */
export function useModalDialog(isOpen: boolean): RefObject<HTMLDialogElement | null> {
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) dialog.showModal();
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);

  return dialogRef;
}
