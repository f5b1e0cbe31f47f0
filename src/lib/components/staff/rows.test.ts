import { describe, expect, it } from 'vitest';
import { rowNumbers } from './rows';

describe('rowNumbers', () => {
  it('orders rows by their position fields and keeps their own numbers', () => {
    expect(
      rowNumbers(
        'contacts',
        {
          'contacts.0.name.ru': 'А',
          'contacts.0.position': '3',
          'contacts.4.name.ru': 'Б',
          'contacts.4.position': '1',
          'contacts.2.name.ru': 'В',
          'notices.9.body.ru': 'x'
        },
        false
      )
    ).toEqual([4, 0, 2]);
  });

  it('adds one unused number for an empty row, the first one when the list is empty', () => {
    expect(rowNumbers('contacts', { 'contacts.0.name.ru': 'А' }, true)).toEqual([0, 1]);
    expect(rowNumbers('contacts', {}, true)).toEqual([0]);
  });
});
