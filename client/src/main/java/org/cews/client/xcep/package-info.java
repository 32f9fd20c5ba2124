/**
 * [MS-XCEP] GetPolicies: the request writer ({@link org.cews.client.xcep.GetPolicies}) and the
 * response reader ({@link org.cews.client.xcep.GetPoliciesResponseReader}) with its model.
 */
package org.cews.client.xcep;
