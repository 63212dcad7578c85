/** The module rules of DESIGN.md as tests over every module's production classes. */
package dev.autodidact.architecture;
