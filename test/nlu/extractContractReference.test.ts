import { extractContractReference } from '../../src/services/nlu/extractContractReference';

describe('extractContractReference', () => {
  it.each([
    ['contract 123456789', '123456789'],
    ['contract #4321', '4321'],
    ['job id 98765', '98765'],
    ['Contract ID: 55501234', '55501234'],
    ['my contract number is 20241234', '20241234'],
    ['contract no. 77777', '77777'],
    ['the job #123456 was ended', '123456'],
    ['offer 9876543 never got paid', '9876543'],
    ['see https://www.example.com/ab/contracts/31415926', '31415926'],
    ['CONTRACT 12345678901234567890', '12345678901234567890'],
  ])('%s -> %s', (text, digits) => {
    expect(extractContractReference(text)).toBe(digits);
  });

  it.each([
    'contract 123',
    'contract 123456789012345678901',
    'i have 123456789 reasons',
    'the contract for $4500 ended',
    'job done 2 weeks ago',
    'subcontract 123456',
    '',
  ])('no reference in %j', (text) => {
    expect(extractContractReference(text)).toBeUndefined();
  });
});
