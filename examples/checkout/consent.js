// The shop's consent banner: it hands the shopper's answer to Vitrine.
const state = document.getElementById('consent-state');
document.getElementById('accept').addEventListener('click', () => {
  window.Vitrine.consent.grant();
  state.textContent = 'Thank you: measuring from now on.';
});
document.getElementById('decline').addEventListener('click', () => {
  window.Vitrine.consent.revoke();
  state.textContent = 'Nothing is measured, and nothing is stored.';
});
