// The inline one-liner from the README, as a file because this page's Content-Security-Policy allows no inline script.
!function(v,q){v=window.Vitrine=window.Vitrine||{q:[]};q=function(m){return function(){v.q&&v.q.push([m,[].slice.call(arguments)])}};v.track=v.track||q('track');v.purchase=v.purchase||q('purchase');v.consent=v.consent||{grant:q('consent.grant'),revoke:q('consent.revoke')}}();
