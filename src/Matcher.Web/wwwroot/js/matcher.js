// Browser helpers called from components through IJSRuntime. Kept in a file because the
// Content-Security-Policy forbids inline scripts and inline event handlers.
window.matcher = {
    print: function () {
        window.print();
    },
    // Brings a highlighted passage into view and moves keyboard focus to it, so screen readers announce it.
    revealHighlight: function (id) {
        const element = document.getElementById(id);
        if (!element) {
            return false;
        }
        element.scrollIntoView({ block: "center" });
        element.focus({ preventScroll: true });
        return true;
    }
};
