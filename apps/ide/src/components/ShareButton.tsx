import { useState } from 'react';
import { buildPermalink } from '../share/encodeShareState.ts';
import { readShareState } from '../share/currentShareState.ts';
import { Icon } from './Icon.tsx';

/** Makes a permalink to this exact moment: files, settings, faults and step. */
export function ShareButton() {
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  const share = () => {
    const url = buildPermalink(readShareState(), `${location.origin}${location.pathname}`);
    setLink(url);
    setCopied(false);
    navigator.clipboard?.writeText(url).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };

  return (
    <div className="share">
      <button type="button" className="btn" data-testid="share.button" onClick={share} title="Copy a link to this moment of the run">
        <Icon name="link" /> Share
      </button>
      {link && (
        <div className="popover" role="dialog" aria-label="Permalink">
          <input className="mono" readOnly value={link} data-testid="share.link" onFocus={(event) => event.currentTarget.select()} aria-label="Permalink" />
          <div className="popover-row">
            <span className="muted" data-testid="share.info">
              {copied ? 'Copied. ' : ''}
              {link.length} characters
            </span>
            <button type="button" className="btn" onClick={() => setLink(null)}>
              Close
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
