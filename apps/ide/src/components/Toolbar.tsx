export function Toolbar() {
  return (
    <header className="toolbar" data-testid="toolbar">
      <span className="brand">
        <span className="brand-mark" aria-hidden="true">⇶</span> Entflow
      </span>
    </header>
  );
}
