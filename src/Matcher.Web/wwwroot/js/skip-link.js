// Blazor handles in-page links itself and only scrolls to the target; move the keyboard focus there too,
// so the next Tab continues inside the main content rather than in the navigation that was skipped.
document.addEventListener('click', event => {
    const link = event.target instanceof Element ? event.target.closest('a.skip-link') : null;
    const target = link ? document.getElementById(link.hash.substring(1)) : null;
    if (target) {
        target.focus();
    }
});
