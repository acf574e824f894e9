// Starts Swagger UI on the API page (a file, not an inline script: the site's CSP allows only 'self').
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  if (!root || typeof window.SwaggerUIBundle !== "function") {
    return;
  }
  window.SwaggerUIBundle({
    url: root.getAttribute("data-schema-url"),
    domNode: root,
    // Deep links put a link inside each operation's button (nested controls, WCAG 4.1.2).
    deepLinking: false,
    // No badge from the public validator service: the page loads nothing from other sites.
    validatorUrl: null,
    docExpansion: "list",
    defaultModelsExpandDepth: 0,
    tryItOutEnabled: false
  });
})();
