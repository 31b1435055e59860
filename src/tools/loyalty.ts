// Loyalty programs: configuration and members, rewards and vouchers, balances and their
// transactions, tiers. Everything lives under one program, named by pid.
import { defineToolset } from './define.js';
import { balances } from './loyalty/balances.js';
import { programs } from './loyalty/programs.js';
import { rewards } from './loyalty/rewards.js';
import { tiers } from './loyalty/tiers.js';

// One file per area of the API under src/tools/loyalty/, in catalog order.
export default defineToolset('loyalty', [...programs, ...rewards, ...balances, ...tiers]);
