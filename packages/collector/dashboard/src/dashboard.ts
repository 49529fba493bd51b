// The /dashboard page: everything it needs is defined by this one module.
import './dashboard-app/dashboard-app.js';
