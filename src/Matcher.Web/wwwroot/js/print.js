// Buttons marked data-print open the browser's print dialog. The listener sits on the document because
// Blazor renders those buttons after this file has run; an inline onclick would break the Content-Security-Policy.
document.addEventListener('click', event => {
    if (event.target instanceof Element && event.target.closest('[data-print]')) {
        window.print();
    }
});
