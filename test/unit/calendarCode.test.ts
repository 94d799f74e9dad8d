import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parseCalendar } from '../../src/domain/calendar/calendarCode.js';
import { UserInputError } from '../../src/errors.js';

describe('parseCalendar', () => {
  it.each([
    { code: '#PT30S', expected: { kind: 'interval', code: '#PT30S', seconds: 30, labelPrecision: 'second' } },
    { code: '#PT1M', expected: { kind: 'interval', code: '#PT1M', seconds: 60, labelPrecision: 'minute' } },
    { code: '#PT5M', expected: { kind: 'interval', code: '#PT5M', seconds: 300, labelPrecision: 'minute' } },
    { code: '#PT90M', expected: { kind: 'interval', code: '#PT90M', seconds: 5_400, labelPrecision: 'minute' } },
    { code: '#PT1H', expected: { kind: 'interval', code: '#PT1H', seconds: 3_600, labelPrecision: 'minute' } },
    { code: '#PT12H', expected: { kind: 'interval', code: '#PT12H', seconds: 43_200, labelPrecision: 'minute' } },
    { code: '#P1D', expected: { kind: 'unit', code: '#P1D', unit: 'day' } },
    { code: '#P1W', expected: { kind: 'unit', code: '#P1W', unit: 'week' } },
    { code: '#P1M', expected: { kind: 'unit', code: '#P1M', unit: 'month' } },
    { code: '#P3M', expected: { kind: 'unit', code: '#P3M', unit: 'quarter' } },
    { code: '#P1Y', expected: { kind: 'unit', code: '#P1Y', unit: 'year' } },
  ])('reads $code', ({ code, expected }) => expect(parseCalendar(code)).toEqual(expected));

  it.each([
    { name: 'an unknown code', code: '#HENG', message: /unknown calendar "#HENG": use #PT\{n\}S.*#P1D, #P1W.*#P1Y/ },
    { name: 'a code without its #', code: 'PT1H', message: /unknown calendar "PT1H"/ },
    { name: 'lower case', code: '#pt1h', message: /unknown calendar "#pt1h"/ },
    { name: 'a zero interval', code: '#PT0M', message: /unknown calendar "#PT0M"/ },
    { name: 'a leading zero', code: '#PT01H', message: /unknown calendar "#PT01H"/ },
    { name: 'two days', code: '#P2D', message: /unknown calendar "#P2D"/ },
    { name: 'an interval that leaves a ragged last slot', code: '#PT7M', message: /7 minutes does not divide a day/ },
    { name: 'a day written in hours', code: '#PT24H', message: /24 hours does not divide a day.*#P1D/ },
    { name: 'an interval longer than a day', code: '#PT48H', message: /48 hours does not divide a day/ },
  ])('refuses $name, listing the valid forms', ({ code, message }) => {
    expect(() => parseCalendar(code)).toThrow(message);
    expect(() => parseCalendar(code)).toThrow(UserInputError);
    expect(() => parseCalendar(code)).toThrow('#PT{n}S, #PT{n}M or #PT{n}H');
  });

  test.prop([
    fc.integer({ min: 1, max: 200_000 }),
    fc.constantFrom(['S', 1] as const, ['M', 60] as const, ['H', 3_600] as const),
  ])(
    'accepts an interval exactly when it splits a day into equal slots shorter than the day',
    (count, [letter, unitSeconds]) => {
      const seconds = count * unitSeconds;
      const splitsADay = seconds < 86_400 && Number.isInteger(86_400 / seconds);
      if (splitsADay) {
        expect(parseCalendar(`#PT${count}${letter}`)).toMatchObject({ kind: 'interval', seconds });
      } else {
        expect(() => parseCalendar(`#PT${count}${letter}`)).toThrow(UserInputError);
      }
    },
  );

  test.prop([fc.string({ maxLength: 12 })])('any other text is a UserInputError, never a crash', (text) => {
    try {
      parseCalendar(text);
    } catch (error) {
      expect(error).toBeInstanceOf(UserInputError);
    }
  });
});
