/** What setup puts into an empty Catalog tab: a small web studio's price list. */
export const DEFAULT_CATALOG = [
  { code: 'WEB-DES', service: 'Website design', unit: 'page', unitPrice: 450, cost: 220, defaultQuantity: 5, category: 'Design', description: 'Layout and visual design of one page template, two rounds of revisions.' },
  { code: 'WEB-DEV', service: 'Front-end development', unit: 'hour', unitPrice: 85, cost: 48, defaultQuantity: 40, category: 'Development', description: 'Responsive HTML/CSS/JS implementation of the approved design.' },
  { code: 'CMS', service: 'CMS setup and content import', unit: 'project', unitPrice: 1200, cost: 600, defaultQuantity: 1, category: 'Development', description: 'Installation, configuration and import of up to 50 pages.' },
  { code: 'SHOP', service: 'Online shop module', unit: 'project', unitPrice: 3500, cost: 1900, defaultQuantity: 1, category: 'Development', description: 'Catalog, cart, checkout, payment and delivery options.' },
  { code: 'LOGO', service: 'Logo design', unit: 'item', unitPrice: 900, cost: 400, defaultQuantity: 1, category: 'Branding', description: 'Three concepts, final logo in all formats.' },
  { code: 'SEO-AUD', service: 'SEO audit', unit: 'project', unitPrice: 750, cost: 350, defaultQuantity: 1, category: 'Marketing', description: 'Technical and content audit with a prioritised action list.' },
  { code: 'COPY', service: 'Copywriting', unit: 'page', unitPrice: 120, cost: 60, defaultQuantity: 5, category: 'Content', description: 'Texts written for the web, one round of edits.' },
  { code: 'PM', service: 'Project management', unit: 'hour', unitPrice: 70, cost: 40, defaultQuantity: 10, category: 'Management', description: 'Planning, coordination and reporting.' },
  { code: 'SUP', service: 'Support and hosting', unit: 'month', unitPrice: 150, cost: 60, defaultQuantity: 12, category: 'Support', description: 'Hosting, backups, updates and 2 hours of changes a month.' },
];
