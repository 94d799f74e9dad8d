import { describe, expect, it } from 'vitest';
import { chooseResolution, resolveWindow, type Level } from '../../src/domain/seriesWindow.js';
import { UserInputError } from '../../src/errors.js';

const NOW = 1_800_000_000;
const DAY = 86_400;
const LEVELS: Level[] = [
  { name: 'raw', grain: 1, step: 60, retention: 7 * DAY },
  { name: 900, grain: 900, retention: 90 * DAY },
  { name: 3_600, grain: 3_600, retention: 730 * DAY },
  { name: 86_400, grain: 86_400, retention: 3_650 * DAY },
];

describe('resolveWindow', () => {
  it.each([
    { name: 'duration back from now', input: { duration: 3_600 }, expected: { start: NOW - 3_600, end: NOW } },
    {
      name: 'duration back from end',
      input: { end: NOW - 100, duration: 100 },
      expected: { start: NOW - 200, end: NOW - 100 },
    },
    {
      name: 'duration forward from start',
      input: { start: NOW - 500, duration: 100 },
      expected: { start: NOW - 500, end: NOW - 400 },
    },
    { name: 'start and end', input: { start: 10, end: 20 }, expected: { start: 10, end: 20 } },
    { name: 'start alone ends now', input: { start: NOW - 5 }, expected: { start: NOW - 5, end: NOW } },
  ])('$name', ({ input, expected }) => expect(resolveWindow(input, NOW)).toEqual(expected));

  it.each([
    { name: 'all three', input: { start: 1, end: 2, duration: 1 }, message: /at most two/ },
    { name: 'no beginning', input: { end: NOW }, message: /give start or duration/ },
    { name: 'an empty window', input: { start: 20, end: 20 }, message: /window is empty/ },
    { name: 'a negative duration', input: { duration: -5 }, message: /duration must be positive/ },
  ])('refuses $name', ({ input, message }) => {
    expect(() => resolveWindow(input, NOW)).toThrow(message);
    expect(() => resolveWindow(input, NOW)).toThrow(UserInputError);
  });
});

describe('chooseResolution', () => {
  const window = (days: number) => ({ start: NOW - days * DAY, end: NOW });
  it.each([
    {
      name: 'a day without a resolution: raw at one minute',
      days: 1,
      resolution: undefined,
      level: 'raw',
      expected: 60,
    },
    {
      name: 'thirty days without a resolution: 15-minute rollups',
      days: 30,
      resolution: undefined,
      level: 900,
      expected: 900,
    },
    {
      name: 'a year without a resolution: hourly rollups',
      days: 365,
      resolution: undefined,
      level: 3_600,
      expected: 3_600,
    },
    { name: 'an hourly resolution reads the hourly level', days: 30, resolution: 3_600, level: 3_600, expected: 3_600 },
    {
      name: 'a daily resolution over a year reads daily rollups',
      days: 365,
      resolution: 86_400,
      level: 86_400,
      expected: 86_400,
    },
    {
      name: 'two hours reads the hourly level (the coarsest that divides it)',
      days: 30,
      resolution: 7_200,
      level: 3_600,
      expected: 7_200,
    },
    {
      name: 'any resolution is possible from raw points within raw retention',
      days: 1,
      resolution: 45,
      level: 'raw',
      expected: 45,
    },
  ])('$name', ({ days, resolution, level, expected }) => {
    const choice = chooseResolution(window(days), resolution, LEVELS, NOW, 10_000);
    expect(choice.level.name).toBe(level);
    expect(choice.resolution).toBe(expected);
  });

  it('refuses a resolution that no level holding the window offers, listing what is possible', () => {
    expect(() => chooseResolution(window(30), 60, LEVELS, NOW, 10_000)).toThrow('use a multiple of 900, 3600, 86400 s');
  });
});
