/** The join pages' entry: picks the view for the mailed link's path (the server serves this page at each). */
import './styles.css';
import {
  acceptOrganizationPage,
  acceptProviderPage,
  fingerprintPage,
  finishSignupPage,
  notFoundPage,
  setupProviderPage,
  type Page,
} from './pages';

function pageFor(location: Location): Page {
  const path = location.pathname.replace(/\/+$/, '') || '/';
  switch (path) {
    case '/redirect-connector.html':
      return location.hash.startsWith('#finish-signup') ? finishSignupPage(location.hash) : notFoundPage();
    case '/accept-organization':
      return acceptOrganizationPage(location.search);
    case '/providers/accept-provider':
      return acceptProviderPage(location.search, location.origin);
    case '/providers/setup-provider':
      return setupProviderPage(location.search, location.origin);
    case '/account/fingerprint':
      return fingerprintPage();
    default:
      return notFoundPage();
  }
}

const main = document.getElementById('main');
const host = document.getElementById('server-host');
if (host) host.textContent = location.host;
// A new #finish-signup link pasted into the same tab changes only the fragment: start over with it.
window.addEventListener('hashchange', () => location.reload());
if (main) {
  const page = pageFor(location);
  document.title = `${page.title} — Provider Desk`;
  void page.render(main);
}
