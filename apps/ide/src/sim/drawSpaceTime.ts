// Draws the space-time diagram on a canvas: one lane per component, time
// from left to right, an arrow per delivered message. Only the steps inside
// the visible time window are visited (binary search on the sorted times).
import type { TraceIndex } from '../workers/simulatorProtocol.ts';
import { STEP_FLAGS } from '../workers/simulatorProtocol.ts';
import { TRACE_KINDS } from './traceKinds.ts';

export const GUTTER_WIDTH = 92;
export const AXIS_HEIGHT = 20;
/** Above this many steps in view, lanes show density instead of arrows. */
export const ARROWS_MAX = 6_000;

export interface SpaceTimeView {
  width: number;
  height: number;
  /** Time at the left edge of the plot, in ticks. */
  startTime: number;
  pixelsPerTick: number;
}

export interface SpaceTimeColors {
  text: string;
  muted: string;
  lane: string;
  arrow: string;
  current: string;
  fault: string;
  checkpoint: string;
  background: string;
}

const CHECKPOINT_COMPLETE = TRACE_KINDS.indexOf('checkpointComplete');
const CRASH = TRACE_KINDS.indexOf('crash');

/** First step whose time is >= `time`. */
export function lowerBound(times: Float64Array, time: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (times[middle]! < time) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function laneHeight(view: SpaceTimeView, laneCount: number): number {
  return Math.max(14, Math.min(34, (view.height - AXIS_HEIGHT - 6) / Math.max(laneCount, 1)));
}

export function laneY(view: SpaceTimeView, laneCount: number, lane: number): number {
  const height = laneHeight(view, laneCount);
  return AXIS_HEIGHT + height * lane + height / 2;
}

export function timeX(view: SpaceTimeView, time: number): number {
  return GUTTER_WIDTH + (time - view.startTime) * view.pixelsPerTick;
}

export function visibleSteps(index: TraceIndex, view: SpaceTimeView): [number, number] {
  const endTime = view.startTime + (view.width - GUTTER_WIDTH) / view.pixelsPerTick;
  return [lowerBound(index.time, view.startTime), lowerBound(index.time, endTime + 1)];
}

function drawAxis(context: CanvasRenderingContext2D, view: SpaceTimeView, colors: SpaceTimeColors): void {
  const plotWidth = view.width - GUTTER_WIDTH;
  const ticksInView = plotWidth / view.pixelsPerTick;
  const rough = ticksInView / 8;
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(rough, 1)));
  const spacing = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? magnitude * 10;
  context.fillStyle = colors.muted;
  context.font = '10px system-ui, sans-serif';
  context.textBaseline = 'middle';
  const first = Math.ceil(view.startTime / spacing) * spacing;
  for (let time = first; time <= view.startTime + ticksInView; time += spacing) {
    const x = timeX(view, time);
    context.fillRect(x, AXIS_HEIGHT - 5, 1, 5);
    context.fillText(String(time), x + 3, AXIS_HEIGHT / 2);
  }
}

function drawLanes(context: CanvasRenderingContext2D, index: TraceIndex, view: SpaceTimeView, colors: SpaceTimeColors): void {
  context.font = '11px ui-monospace, monospace';
  context.textBaseline = 'middle';
  for (let lane = 0; lane < index.lanes.length; lane++) {
    const y = laneY(view, index.lanes.length, lane);
    context.fillStyle = colors.lane;
    context.fillRect(GUTTER_WIDTH, y, view.width - GUTTER_WIDTH, 1);
    context.fillStyle = colors.text;
    context.fillText(index.lanes[lane]!, 6, y);
  }
}

function drawDensity(context: CanvasRenderingContext2D, index: TraceIndex, view: SpaceTimeView, colors: SpaceTimeColors, from: number, to: number): void {
  const laneCount = index.lanes.length;
  const height = laneHeight(view, laneCount);
  context.fillStyle = colors.arrow;
  context.globalAlpha = 0.35;
  let lastX = -1;
  let lastLane = -1;
  for (let step = from; step < to; step++) {
    const x = Math.floor(timeX(view, index.time[step]!));
    const lane = index.lane[step]!;
    if (x === lastX && lane === lastLane) continue;
    lastX = x;
    lastLane = lane;
    context.fillRect(x, laneY(view, laneCount, lane) - height / 4, 1, height / 2);
  }
  context.globalAlpha = 1;
}

function drawArrow(context: CanvasRenderingContext2D, x1: number, y1: number, x2: number, y2: number): void {
  context.beginPath();
  context.moveTo(x1, y1);
  context.lineTo(x2, y2);
  context.stroke();
  const angle = Math.atan2(y2 - y1, x2 - x1);
  context.beginPath();
  context.moveTo(x2, y2);
  context.lineTo(x2 - 6 * Math.cos(angle - 0.4), y2 - 6 * Math.sin(angle - 0.4));
  context.lineTo(x2 - 6 * Math.cos(angle + 0.4), y2 - 6 * Math.sin(angle + 0.4));
  context.closePath();
  context.fill();
}

function drawMessages(context: CanvasRenderingContext2D, index: TraceIndex, view: SpaceTimeView, colors: SpaceTimeColors, from: number, to: number): void {
  const laneCount = index.lanes.length;
  context.lineWidth = 1;
  for (let step = from; step < to; step++) {
    const flags = index.flags[step]!;
    const x = timeX(view, index.time[step]!);
    const y = laneY(view, laneCount, index.lane[step]!);
    const fromLane = index.fromLane[step]!;
    const sentAt = index.sentAt[step]!;
    const isFault = (flags & STEP_FLAGS.fault) !== 0;

    if (fromLane >= 0 && !Number.isNaN(sentAt)) {
      const color = isFault ? colors.fault : colors.arrow;
      context.strokeStyle = color;
      context.fillStyle = color;
      context.globalAlpha = (flags & STEP_FLAGS.checkpoint) !== 0 ? 0.45 : 0.85;
      drawArrow(context, timeX(view, sentAt), laneY(view, laneCount, fromLane), x, y);
      context.globalAlpha = 1;
    }

    if (index.kind[step] === CHECKPOINT_COMPLETE) {
      context.fillStyle = colors.checkpoint;
      context.fillRect(x, AXIS_HEIGHT, 1, view.height - AXIS_HEIGHT);
      context.fillText('✓', x + 2, AXIS_HEIGHT + 6);
    }
    if (isFault) {
      context.fillStyle = colors.fault;
      context.font = 'bold 12px system-ui, sans-serif';
      context.fillText(index.kind[step] === CRASH ? '✕' : '⚡', x - 4, y - 8);
      context.font = '11px ui-monospace, monospace';
    } else {
      context.fillStyle = (flags & STEP_FLAGS.checkpoint) !== 0 ? colors.checkpoint : colors.text;
      context.fillRect(x - 1.5, y - 1.5, 3, 3);
    }
  }
}

function drawCurrent(context: CanvasRenderingContext2D, index: TraceIndex, view: SpaceTimeView, colors: SpaceTimeColors, step: number): void {
  if (step < 0 || step >= index.time.length) return;
  const laneCount = index.lanes.length;
  const x = timeX(view, index.time[step]!);
  context.fillStyle = colors.current;
  context.globalAlpha = 0.25;
  context.fillRect(x - 1, AXIS_HEIGHT, 2, view.height - AXIS_HEIGHT);
  context.globalAlpha = 1;
  const y = laneY(view, laneCount, index.lane[step]!);
  const fromLane = index.fromLane[step]!;
  if (fromLane >= 0 && !Number.isNaN(index.sentAt[step]!)) {
    context.strokeStyle = colors.current;
    context.fillStyle = colors.current;
    context.lineWidth = 2.5;
    drawArrow(context, timeX(view, index.sentAt[step]!), laneY(view, laneCount, fromLane), x, y);
    context.lineWidth = 1;
  }
  context.beginPath();
  context.arc(x, y, 5, 0, Math.PI * 2);
  context.fill();
}

export function drawSpaceTime(
  context: CanvasRenderingContext2D,
  index: TraceIndex,
  view: SpaceTimeView,
  colors: SpaceTimeColors,
  currentStep: number,
): { from: number; to: number; isDensity: boolean } {
  context.fillStyle = colors.background;
  context.fillRect(0, 0, view.width, view.height);
  drawAxis(context, view, colors);
  drawLanes(context, index, view, colors);

  context.save();
  context.beginPath();
  context.rect(GUTTER_WIDTH, 0, view.width - GUTTER_WIDTH, view.height);
  context.clip();
  const [from, to] = visibleSteps(index, view);
  const isDensity = to - from > ARROWS_MAX;
  if (isDensity) drawDensity(context, index, view, colors, from, to);
  else drawMessages(context, index, view, colors, from, to);
  drawCurrent(context, index, view, colors, currentStep);
  context.restore();
  return { from, to, isDensity };
}

/** Returns the step whose delivery point is nearest to (x, y), within `radius` pixels. */
export function hitTest(index: TraceIndex, view: SpaceTimeView, x: number, y: number, radius = 8): number | null {
  const [from, to] = visibleSteps(index, view);
  const laneCount = index.lanes.length;
  let best: number | null = null;
  let bestDistance = radius * radius;
  for (let step = from; step < to; step++) {
    const dx = timeX(view, index.time[step]!) - x;
    const dy = laneY(view, laneCount, index.lane[step]!) - y;
    const distance = dx * dx + dy * dy;
    if (distance <= bestDistance) {
      best = step;
      bestDistance = distance;
    }
  }
  return best;
}
