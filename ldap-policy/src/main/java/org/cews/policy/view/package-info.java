/**
 * The enrollment policy one requester gets from one GetPolicies request ([MS-XCEP] 3.1.4.1), as
 * plain data the CEP endpoint maps to XML, and "explain": why a template is or is not in it. The
 * mapping from AD is docs/CA-RPC-AD.md §5.6; the request's filters are [MS-XCEP] 3.1.4.1.3.22.
 */
package org.cews.policy.view;
