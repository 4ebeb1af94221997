import { maskPersonalData } from '../../src/services/analytics/maskPersonalData';

describe('masking personal data in kept texts', () => {
  it.each([
    ['write to jo.smith+work@mail.example.co.uk please', 'write to [email] please'],
    ['call me on +44 7700 900123 tomorrow', 'call me on [phone] tomorrow'],
    ['or (555) 123-4567', 'or [phone]'],
    ['my reference is FPD-7KQ2M9XH4C', 'my reference is [reference]'],
    ['it is fpd 7kq2-m9xh-4c I think', 'it is [reference] I think'],
    ['contract #88412 was ended', 'contract [reference] was ended'],
    ['they owe me $1,200.50 now', 'they owe me [amount] now'],
    ['about 300 euros', 'about [amount]'],
    ['EUR 99 and 45 USD', '[amount] and [amount]'],
    ['my name is jonas and I waited', 'my name is [name] and I waited'],
    ['the client Maria Lopez refused', 'the client [name] refused'],
    ['I worked with Acme for Dave', 'I worked with [name] for [name]'],
    ['see https://drive.example/x?id=9 now', 'see [link] now'],
    ['account 12345', 'account [number]'],
    ['write to me, Jo, on 07700900123', 'write to me, [name], on [phone]'],
  ])('"%s" becomes "%s"', (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });

  it('keeps what is not personal: the question, short numbers, months and product words', () => {
    expect(maskPersonalData('What happens after 3 days in November with Fixed-Price Protection?')).toBe(
      'What happens after 3 days in November with Fixed-Price Protection?',
    );
  });
});
