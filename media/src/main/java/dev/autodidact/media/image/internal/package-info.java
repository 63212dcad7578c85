/**
 * Implementation helpers for images: conversion from AWT images and separable resampling. Not public API.
 */
package dev.autodidact.media.image.internal;
