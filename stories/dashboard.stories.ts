import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../packages/collector/dashboard/src/dashboard-app/dashboard-app.js';
import { SESSION_KEY } from '../packages/collector/dashboard/src/session.js';
import { demoApi, type DemoState } from './dashboard-story-data.js';

interface DashboardArgs {
  state: DemoState;
  signedIn: boolean;
}

/**
 * The collector's /dashboard page against a made-up collector. Signed-in stories put a session in sessionStorage,
 * as the sign-in form does; "Sign out" clears it.
 */
const meta: Meta<DashboardArgs> = {
  title: 'Collector/Dashboard',
  component: 'vitrine-dashboard',
  args: { state: 'data', signedIn: true },
  argTypes: { state: { control: 'select', options: ['data', 'empty', 'loading', 'error', 'unauthorized'] } },
  parameters: { layout: 'fullscreen' },
  render: (args) => {
    if (args.signedIn) sessionStorage.setItem(SESSION_KEY, JSON.stringify({ site: 'demo', apiKey: 'storybook' }));
    else sessionStorage.removeItem(SESSION_KEY);
    return html`<div lang="en-GB" style="background:#f3f4f6;min-block-size:100vh">
      <vitrine-dashboard .connect=${() => demoApi(args.state)}></vitrine-dashboard>
    </div>`;
  },
};
export default meta;

type Story = StoryObj<DashboardArgs>;

/** Thirty days in two currencies: totals, chart, top lists, recent orders. */
export const Data: Story = {};

/** The sign-in form; any site and key work against the demo collector. */
export const SignIn: Story = { args: { signedIn: false } };

/** A stored key the collector no longer accepts: back at the form with the reason. */
export const KeyRefused: Story = { args: { state: 'unauthorized' } };

/** Placeholders keep every box where its data will be. */
export const Loading: Story = { args: { state: 'loading' } };

export const Empty: Story = { args: { state: 'empty' } };

export const CollectorUnreachable: Story = { args: { state: 'error' } };

/** The same page at phone width. */
export const Phone: Story = { globals: { viewport: { value: 'mobile1', isRotated: false } } };
