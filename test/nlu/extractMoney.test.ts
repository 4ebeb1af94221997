import { extractMoney } from '../../src/services/nlu/extractMoney';

describe('extractMoney', () => {
  it.each([
    ['$500', 500, 'USD'],
    ['450 euros', 450, 'EUR'],
    ['£1,200.50', 1200.5, 'GBP'],
    ['the milestone was $2,500', 2500, 'USD'],
    ['client owes me 2,000 dollars', 2000, 'USD'],
    ['€75 is still in escrow', 75, 'EUR'],
    ['400 usd', 400, 'USD'],
    ['USD 300', 300, 'USD'],
    ['they owe me EUR 1,200.50', 1200.5, 'EUR'],
    ['GBP 99.99 was the milestone', 99.99, 'GBP'],
    ['1.5k usd', 1500, 'USD'],
    ['500 CAD', 500, 'CAD'],
    ['C$400', 400, 'CAD'],
    ['200 yen', 200, 'JPY'],
    ['five hundred dollars', 500, 'USD'],
    ['$500 for milestone 1 and $300 for milestone 2', 500, 'USD'],
    ["Milestone 'Backend API' ($1,500) was submitted", 1500, 'USD'],
    ['the final milestone [€900] on Nov 12', 900, 'EUR'],
  ])('%s -> %d %s', (text, amount, currency) => {
    expect(extractMoney(text)).toEqual({ amount, currency });
  });

  it.each([
    'I am owed 500',
    'contract 123456789',
    'milestone 2 was delivered 3 weeks ago',
    'client wants a refund',
    '',
  ])('no currency, no money: %j', (text) => {
    expect(extractMoney(text)).toBeUndefined();
  });

  it('reads the same text the same way again, and a changed reading does not leak into the next', () => {
    const first = extractMoney('they owe me $750');
    if (!first) throw new Error('no money read');
    first.amount = 1;
    expect(extractMoney('they owe me $750')).toEqual({ amount: 750, currency: 'USD' });
  });
});
