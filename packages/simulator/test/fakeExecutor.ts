// A small stand-in for the runtime: a bank program written directly in
// TypeScript against the Executor interface, so the engine's event loop,
// checkpoints, faults and checkers can be tested without the interpreter.
// Values are plain JS: numbers, strings, arrays, Maps, `FakeRef` objects.

import type { Continuation, EntityState, ExecContext, Executor, Outcome, Resumption, Value } from '../src/executor.ts';
import type { ClientRequest, ClientSession, ClientStep } from '@entflow/runtime';
import type { JsonValue } from '../src/trace.ts';
import type { ProgramFacts } from '../src/engine.ts';

interface FakeEntity { className: string; key: string; attrs: Map<string, unknown> }
interface FakeRef { kind: 'ref'; className: string; key: string }
interface FakeException { kind: 'exception'; type: string; message: string }

const ref = (className: string, key: string): FakeRef => ({ kind: 'ref', className, key });
const exception = (type: string, message: string): FakeException => ({ kind: 'exception', type, message });

function raise(type: string, message: string): Outcome {
  return { kind: 'raise', exception: exception(type, message) as unknown as Value };
}

function ret(value: unknown): Outcome {
  return { kind: 'return', value: value as Value };
}

/** Local deposit/withdraw logic shared by the fake methods. */
function deposit(self: FakeEntity, amount: number, ctx: ExecContext): Outcome {
  const balance = self.attrs.get('balance') as number;
  if (balance + amount > (self.attrs.get('limit') as number)) {
    return raise('ValueError', `deposit of ${amount} would put ${self.key} over the limit`);
  }
  self.attrs.set('balance', balance + amount);
  (self.attrs.get('ledger') as string[]).push(`+${amount}`);
  ctx.print(`${self.key} +${amount}\n`);
  return ret(balance + amount);
}

function withdraw(self: FakeEntity, amount: number): Outcome {
  const balance = self.attrs.get('balance') as number;
  if (amount > balance) {
    return raise('ValueError', `insufficient funds: ${self.key} has ${balance}`);
  }
  self.attrs.set('balance', balance - amount);
  (self.attrs.get('ledger') as string[]).push(`-${amount}`);
  return ret(balance - amount);
}

function startTransfer(self: FakeEntity, method: string, to: FakeRef, amount: number, ctx: ExecContext, isTx: boolean): Outcome {
  if (isTx) {
    ctx.onTransactional?.('enter', self as unknown as EntityState, method);
  }
  const withdrawn = withdraw(self, amount);
  if (withdrawn.kind === 'raise') {
    if (isTx) {
      ctx.onTransactional?.('raise', self as unknown as EntityState, method);
    }
    return withdrawn;
  }
  // `ledger` aliases self's list across the remote call, as a Python local would.
  const continuation: Continuation = {
    className: 'Account',
    key: self.key,
    constructing: null,
    frames: [{ method, resumeBlock: `Account.${method}#1`, resultVar: 'r', locals: [to, amount, self.attrs.get('ledger')] as Value[], isTransactional: isTx }],
  };
  return { kind: 'remoteCall', target: to as never, method: 'deposit', args: [amount], kwargs: [], continuation };
}

function resumeTransfer(self: FakeEntity, continuation: Continuation, resumption: Resumption, ctx: ExecContext): Outcome {
  const frame = continuation.frames[0];
  const isTx = frame.isTransactional;
  if (resumption.kind === 'exception') {
    if (isTx) {
      ctx.onTransactional?.('raise', self as unknown as EntityState, frame.method);
    }
    return { kind: 'raise', exception: resumption.exception };
  }
  (frame.locals[2] as unknown as string[]).push('done');
  if (isTx) {
    ctx.onTransactional?.('return', self as unknown as EntityState, frame.method);
  }
  return ret(self.attrs.get('balance'));
}

function copy(value: unknown, memo: Map<unknown, unknown>): unknown {
  if (typeof value !== 'object' || value === null) {
    return value;
  }
  if (memo.has(value)) {
    return memo.get(value);
  }
  if (Array.isArray(value)) {
    const result: unknown[] = [];
    memo.set(value, result);
    value.forEach((v) => result.push(copy(v, memo)));
    return result;
  }
  if (value instanceof Map) {
    const result = new Map();
    memo.set(value, result);
    for (const [k, v] of value) {
      result.set(k, copy(v, memo));
    }
    return result;
  }
  const record = value as Record<string, unknown>;
  if (record.kind === 'ref') {
    return value;
  }
  const result: Record<string, unknown> = {};
  memo.set(value, result);
  for (const [k, v] of Object.entries(record)) {
    result[k] = copy(v, memo);
  }
  return result;
}

function repr(value: unknown): string {
  if (typeof value === 'string') {
    return `'${value}'`;
  }
  if (Array.isArray(value)) {
    return `[${value.map(repr).join(', ')}]`;
  }
  if (typeof value === 'object' && value !== null && (value as FakeRef).kind === 'ref') {
    return `<${(value as FakeRef).className} ${(value as FakeRef).key}>`;
  }
  if (typeof value === 'object' && value !== null && (value as FakeException).kind === 'exception') {
    return `${(value as FakeException).type}(${repr((value as FakeException).message)})`;
  }
  return String(value);
}

function toJson(value: unknown): JsonValue {
  if (Array.isArray(value)) {
    return value.map(toJson);
  }
  if (value instanceof Map) {
    return Object.fromEntries([...value].map(([k, v]) => [String(k), toJson(v)]));
  }
  if (typeof value === 'object' && value !== null && (value as FakeRef).kind === 'ref') {
    return { $ref: `${(value as FakeRef).className}/${(value as FakeRef).key}` };
  }
  return value as JsonValue;
}

/** A client script as a generator of requests; `yield` returns the reply. */
export type FakeScript = (clientId: number, print: (line: string) => void) => Generator<ClientRequest, void, Resumption>;

/** The default script: two accounts, a few transfers, one rolled-back transaction. */
export const bankScript: FakeScript = function* (clientId, print) {
  const suffix = clientId === 0 ? '' : `${clientId}`;
  const alice = (yield { kind: 'create', className: 'Account', args: [`alice${suffix}`, 100, 1000] as Value[], kwargs: [] }) as Resumption;
  const bob = (yield { kind: 'create', className: 'Account', args: [`bob${suffix}`, 50, 100] as Value[], kwargs: [] }) as Resumption;
  // A weak mode may reply to a creation with an error; the references are known anyway.
  void alice;
  void bob;
  const a = ref('Account', `alice${suffix}`);
  const b = ref('Account', `bob${suffix}`);
  for (let i = 0; i < 4; i++) {
    const r = yield { kind: 'call', target: a as never, method: 'transfer', args: [b, 10] as Value[], kwargs: [] };
    print(`transfer ${i}: ${r.kind === 'value' ? repr(r.value) : 'error'}`);
  }
  const tx = yield { kind: 'call', target: a as never, method: 'transfer_tx', args: [b, 60] as Value[], kwargs: [] };
  print(`transfer_tx: ${tx.kind === 'value' ? repr(tx.value) : (tx.exception as unknown as FakeException).type}`);
  const balance = yield { kind: 'read', target: b as never, attr: 'balance' };
  print(`bob has ${balance.kind === 'value' ? repr(balance.value) : 'error'}`);
};

/** Several clients move money between two shared accounts with transactional transfers. */
export const sharedTransfersScript: FakeScript = function* (clientId, print) {
  const alice = ref('Account', 'alice');
  const bob = ref('Account', 'bob');
  if (clientId === 0) {
    yield { kind: 'create', className: 'Account', args: ['alice', 500, 1000] as Value[], kwargs: [] };
    yield { kind: 'create', className: 'Account', args: ['bob', 500, 1000] as Value[], kwargs: [] };
  }
  for (let i = 0; i < 6; i++) {
    const [from, to] = (i + clientId) % 2 === 0 ? [alice, bob] : [bob, alice];
    const r = yield { kind: 'call', target: from as never, method: 'transfer_tx', args: [to, 40 + clientId] as Value[], kwargs: [] };
    print(`client ${clientId} transfer ${i}: ${r.kind === 'value' ? 'ok' : (r.exception as unknown as FakeException).type}`);
  }
};

export function createFakeExecutor(script: FakeScript = bankScript): Executor {
  const executor: Executor = {
    moduleOutput: [],
    invariantNames: ['money_conserved'],
    invoke(entity, method, args, _kwargs, ctx) {
      const self = entity as unknown as FakeEntity;
      switch (method) {
        case 'deposit':
          return deposit(self, args[0] as number, ctx);
        case 'withdraw':
          return withdraw(self, args[0] as number);
        case 'transfer':
          return startTransfer(self, method, args[0] as unknown as FakeRef, args[1] as number, ctx, false);
        case 'transfer_tx':
          return startTransfer(self, method, args[0] as unknown as FakeRef, args[1] as number, ctx, true);
        default:
          return raise('AttributeError', `no method ${method}`);
      }
    },
    resume(entity, continuation, resumption, ctx) {
      return resumeTransfer(entity as unknown as FakeEntity, continuation, resumption, ctx);
    },
    construct(className, args) {
      const [owner, balance, limit] = args as [string, number, number];
      const entity: FakeEntity = { className, key: owner, attrs: new Map<string, unknown>([['owner', owner], ['balance', balance], ['opening', balance], ['limit', limit], ['ledger', []]]) };
      return { kind: 'constructed', entity: entity as unknown as EntityState };
    },
    readAttribute(entity, attr) {
      const self = entity as unknown as FakeEntity;
      return self.attrs.has(attr)
        ? { kind: 'value', value: copy(self.attrs.get(attr), new Map()) as Value }
        : { kind: 'exception', exception: exception('AttributeError', attr) as unknown as Value };
    },
    evaluateInvariant(_name, entities) {
      const accounts = (entities.get('Account') ?? []) as unknown as FakeEntity[];
      let total = 0;
      let opening = 0;
      for (const account of accounts) {
        total += account.attrs.get('balance') as number;
        opening += account.attrs.get('opening') as number;
      }
      return { kind: 'value', value: total === opening };
    },
    startClient(clientId, print): ClientSession {
      const generator = script(clientId, (line) => print(`${line}\n`));
      let isStarted = false;
      return {
        next(reply?: Resumption): ClientStep {
          const step = isStarted ? generator.next(reply!) : generator.next(undefined as never);
          isStarted = true;
          return step.done ? { kind: 'done', error: null } : step.value;
        },
      };
    },
    deepCopy: (value, memo) => copy(value, memo) as typeof value,
    toJson: (value) => toJson(value),
    repr: (value) => repr(value),
    keyText: (key) => String(key),
    formatException: (e) => `${(e as unknown as FakeException).type}: ${(e as unknown as FakeException).message}`,
    isTruthy: (value) => Boolean(value),
    makeException: (className, message) => exception(className, message) as unknown as Value,
    makeRef: (className, key) => ref(className, key as string) as unknown as Value,
    restoreInPlace(target, source) {
      const t = target as unknown as FakeEntity;
      t.attrs.clear();
      for (const [k, v] of (source as unknown as FakeEntity).attrs) {
        t.attrs.set(k, v);
      }
    },
    frameVariables: () => ['to', 'amount', 'ledger'],
  };
  return executor;
}

export const fakeFacts: ProgramFacts = {
  isTxCapable: (request) => request.kind === 'call' && request.method === 'transfer_tx',
  entryBlock: (className, method) => `${className}.${method}#0`,
  blockSpans: () => [{ start: 0, end: 1 }],
};
