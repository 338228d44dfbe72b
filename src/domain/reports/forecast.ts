export const FORECASTS = ['green', 'yellow', 'red'] as const;
export type Forecast = (typeof FORECASTS)[number];

export function isForecast(value: unknown): value is Forecast {
  return typeof value === 'string' && (FORECASTS as readonly string[]).indexOf(value) >= 0;
}

export interface ForecastRollup {
  green: { count: number; amount: number };
  yellow: { count: number; amount: number };
  red: { count: number; amount: number };
  none: { count: number; amount: number };
}

/** Totals per traffic light: how much work is coming, so capacity can be reserved. */
export function rollupForecast(cards: readonly { forecast: Forecast | ''; value: number }[]): ForecastRollup {
  const rollup: ForecastRollup = {
    green: { count: 0, amount: 0 },
    yellow: { count: 0, amount: 0 },
    red: { count: 0, amount: 0 },
    none: { count: 0, amount: 0 },
  };
  for (const card of cards) {
    const bucket = rollup[card.forecast === '' ? 'none' : card.forecast];
    bucket.count += 1;
    bucket.amount += card.value;
  }
  return rollup;
}
