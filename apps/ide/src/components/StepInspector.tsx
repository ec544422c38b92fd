import type { MessageSummary } from '@entflow/simulator';
import { useRunStore } from '../stores/runStore.ts';
import { useSelectionStore } from '../stores/selectionStore.ts';
import { methodOfBlock } from '../graph/locate.ts';

function MessageLine({ message }: { message: MessageSummary }) {
  return (
    <li className="mono">
      <span className="chip">{message.kind}</span> #{message.id} {message.from} → {message.to}
      {message.requestId !== null && <span className="muted"> · r{message.requestId}</span>}
      <div className="message-text">{message.text}</div>
      <div className="muted">
        sent at {message.sentAt}, due at {message.deliverAt}
      </div>
    </li>
  );
}

/** Shows the step on screen: what ran where, the message it consumed and its continuation. */
export function StepInspector() {
  const detail = useRunStore((state) => state.detail);
  const openMethod = useSelectionStore((state) => state.openMethod);
  const event = detail?.event;

  if (!event) {
    return (
      <aside className="inspector" data-testid="inspector.pane">
        <p className="muted">Before the first step. Press Run or Step.</p>
      </aside>
    );
  }

  return (
    <aside className="inspector" data-testid="inspector.pane">
      <h3>
        Step {event.step + 1} <span className="chip">{event.kind}</span>
      </h3>
      <p className="inspector-text" data-testid="inspector.text">
        {event.text}
      </p>
      <dl className="facts">
        <dt>where</dt>
        <dd className="mono">
          {event.component} · tick {event.time}
        </dd>
        {event.entity && (
          <>
            <dt>entity</dt>
            <dd className="mono">{event.entity}</dd>
          </>
        )}
        {event.blockId && (
          <>
            <dt>block</dt>
            <dd>
              <button type="button" className="link mono" onClick={() => openMethod(methodOfBlock(event.blockId!))}>
                {event.blockId}
              </button>
              {event.suspendedAt && <span className="muted"> · suspends at {event.suspendedAt}</span>}
            </dd>
          </>
        )}
      </dl>
      {event.faults.length > 0 && (
        <ul className="fault-marks">
          {event.faults.map((fault, index) => (
            <li key={index}>
              <span className="chip chip-fault">{fault.kind}</span> {fault.description}
            </li>
          ))}
        </ul>
      )}
      {event.consumed && (
        <>
          <h4>Consumed message (payload)</h4>
          <ul className="messages" data-testid="inspector.consumed">
            <MessageLine message={event.consumed} />
          </ul>
        </>
      )}
      {event.frames.length > 0 && (
        <>
          <h4>Continuation (innermost last)</h4>
          <ol className="frames" data-testid="inspector.frames">
            {event.frames.map((frame, index) => (
              <li key={index}>
                <span className="mono">{frame.method}</span> <span className="muted">resumes at {frame.resumeBlock}</span>
                {Object.keys(frame.locals).length > 0 && (
                  <table className="locals">
                    <tbody>
                      {Object.entries(frame.locals).map(([name, value]) => (
                        <tr key={name}>
                          <th className="mono">{name}</th>
                          <td className="mono">{value}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      {event.sent.length > 0 && (
        <>
          <h4>Sent</h4>
          <ul className="messages">
            {event.sent.map((message) => (
              <MessageLine key={message.id} message={message} />
            ))}
          </ul>
        </>
      )}
      {event.printed.length > 0 && (
        <>
          <h4>Printed</h4>
          <pre className="printed">{event.printed.join('\n')}</pre>
        </>
      )}
    </aside>
  );
}
