// "Brief answered" (issue 25): which of a manager's deals were answered in a window of time.
import { answeredBriefsOf } from '../../../src/domain/briefs/briefNews';

const deals = [
  { id: 'D-1', title: 'Shop', clientName: 'Flora', manager: 'Anna@Studio.test' },
  { id: 'D-2', title: 'Site', clientName: 'Bolt', manager: 'ben@studio.test' },
  { id: 'D-3', title: 'SEO', clientName: 'Cora', manager: 'anna@studio.test' },
];

describe('answeredBriefsOf', () => {
  test('only the manager\'s deals (e-mail case ignored), only answers inside [from, to), newest first, one per deal', () => {
    const briefs = [
      { dealId: 'D-1', answeredAt: 100 }, { dealId: 'D-1', answeredAt: 150 }, // two template versions: the newest
      { dealId: 'D-2', answeredAt: 120 }, // another manager's deal
      { dealId: 'D-3', answeredAt: 130 },
      { dealId: 'D-3', answeredAt: 200 }, // at `to`: outside
      { dealId: 'D-9', answeredAt: 140 }, // a deal not given
    ];
    expect(answeredBriefsOf(deals, briefs, 'anna@studio.test', 100, 200)).toEqual([
      { dealId: 'D-1', title: 'Shop', clientName: 'Flora', answeredAt: 150 },
      { dealId: 'D-3', title: 'SEO', clientName: 'Cora', answeredAt: 130 },
    ]);
    expect(answeredBriefsOf(deals, briefs, 'anna@studio.test', 101, 130)).toEqual([]); // D-1's 100 and 150, D-3's 130 all outside
    expect(answeredBriefsOf(deals, briefs, 'ben@studio.test', 0, 1000).map((b) => b.dealId)).toEqual(['D-2']);
  });
});
