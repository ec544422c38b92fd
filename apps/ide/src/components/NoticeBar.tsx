import { useMenuStore } from '../stores/menuStore.ts';

export function NoticeBar() {
  const notice = useMenuStore((state) => state.notice);
  const clear = useMenuStore((state) => state.clearNotice);
  if (!notice) return null;
  return (
    <div className={`notice-bar notice-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="notice">
      <span>{notice.text}</span>
      {notice.action && (
        <button
          type="button"
          className="btn"
          data-testid="notice.action"
          onClick={() => {
            notice.action?.run();
            clear();
          }}
        >
          {notice.action.label}
        </button>
      )}
      <button type="button" className="btn btn-icon" onClick={clear} aria-label="Dismiss">
        ✕
      </button>
    </div>
  );
}
