// Placeholder: the workbench UI replaces this file.
"use strict";
