// The seller-details refusal (issue 22: "An issued invoice must name its seller: fill in
// company_name, … on the Settings tab first") offers to open them: a button that selects the
// first missing key's Value cell in the Settings tab, as "Go to the cell" does for a stage problem.
import { h } from '../../dom';
import { call } from '../../rpc';
import { report } from '../../actions';
import { showBanner } from '../kernel/banner';
import { missingSettingKeys } from './settingKeys';

export function sellerDetailsOffer(message: string): HTMLElement | null {
  const keys = missingSettingKeys(message);
  if (keys.length === 0) return null;
  const button = h('button', {
    type: 'button', class: 'secondary small-button', 'data-testid': 'open-seller-settings',
    onclick: () => {
      (button as HTMLButtonElement).disabled = true;
      call('api_goToSetting', keys[0])
        .then((r) => showBanner(`Selected Settings row ${r.row} (${keys[0]}): fill in ${keys.join(', ')}, then issue the invoice again.`, 'info'))
        .catch((error) => { report(error); })
        .then(() => { (button as HTMLButtonElement).disabled = false; });
    },
  }, 'Open Settings');
  return h('div', { class: 'small' }, button);
}
